"""wirecoder: who said what, and who did what to whom, where and when — from news text."""

from .errors import WirecoderError
from .model import Result

__version__ = "0.1.0"
__all__ = ["Result", "WirecoderError", "__version__"]
