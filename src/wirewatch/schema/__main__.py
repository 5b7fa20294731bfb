import json

from . import generate

print(json.dumps(generate(), indent=2, ensure_ascii=False))
