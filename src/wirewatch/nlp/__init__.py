"""The language model: loaded once per process, shared by every stage that needs a parse."""

from .model import load_model, model_name

__all__ = ["load_model", "model_name"]
