"""CAMEO codes for speech acts about another event.

CAMEO codes "pledged to provide aid" as an intent (033), "threatened to impose sanctions" as a
threat (1312), "demanded a ceasefire" as a demand (1056) and "refused to meet" as a rejection
(125).  These tables give the specific code for each kind of speech act from the code of the
event it is about, following the parallel structure of CAMEO roots 02, 03, 10, 12 and 13.
"""

from __future__ import annotations

from .codebook import is_valid

# complement code prefix -> code, longest prefix wins
_INTENT = {
    "04": "036", "045": "039", "046": "036", "05": "032", "06": "031", "061": "0311",
    "062": "0312", "063": "0313", "064": "0314", "07": "033", "071": "0331", "072": "0332",
    "073": "0333", "074": "0334", "08": "035", "081": "0351", "082": "0352", "083": "034",
    "084": "0353", "085": "0354", "086": "0355", "087": "0356", "03": "",
}
_THREATEN = {
    "16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135",
    "166": "136", "17": "132", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323",
    "1724": "1324", "175": "137", "191": "1381", "192": "1382", "14": "133", "15": "138",
    "18": "138", "19": "138", "20": "1385", "12": "130",
}
_DEMAND = {
    "02": "102", "03": "102", "04": "106", "05": "102", "06": "101", "061": "1011",
    "062": "1012", "063": "1013", "064": "1014", "07": "103", "071": "1031", "072": "1032",
    "073": "1033", "074": "1034", "08": "105", "081": "1051", "082": "1052", "083": "104",
    "084": "1053", "085": "1054", "086": "1055", "087": "1056", "034": "104",
}
_APPEAL = {
    "02": "020", "03": "022", "04": "026", "05": "022", "06": "021", "061": "0211",
    "062": "0212", "063": "0213", "064": "0214", "07": "023", "071": "0231", "072": "0232",
    "073": "0233", "074": "0234", "08": "025", "081": "0251", "082": "0252", "083": "024",
    "084": "0253", "085": "0254", "086": "0255", "087": "0256", "034": "024",
}
_REFUSE = {
    "03": "120", "04": "125", "045": "126", "05": "125", "057": "127", "06": "121",
    "061": "1211", "062": "1212", "063": "1213", "064": "1214", "07": "122", "071": "1221",
    "072": "1222", "073": "1223", "074": "1224", "08": "124", "081": "1241", "082": "1242",
    "083": "123", "084": "1243", "085": "1244", "086": "1245", "087": "1246", "034": "123",
}
_TABLES = {"intent": _INTENT, "threaten": _THREATEN, "warn": _THREATEN, "demand": _DEMAND,
           "appeal": _APPEAL, "refuse": _REFUSE}
DEFAULTS = {"intent": "030", "threaten": "130", "warn": "130", "demand": "100",
            "appeal": "020", "refuse": "120", "allege": "112", "deny": "016"}

COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})


def speech_act_code(kind: str, about: str | None) -> str | None:
    """The code of a ``kind`` speech act (intent, threaten, demand, appeal, refuse) about an
    event coded ``about``; ``None`` when CAMEO has no such combination."""
    table = _TABLES.get(kind)
    if table is None:
        return DEFAULTS.get(kind)
    if about is None:
        return DEFAULTS[kind]
    for n in (4, 3, 2):
        hit = table.get(about[:n])
        if hit is not None:
            return (hit or about) if is_valid(hit or about) else None
    return None


def is_cooperative(code: str) -> bool:
    return code[:2] in COOPERATIVE_ROOTS
