"""The small request and response records the viewer's handlers work with.

Handlers never touch `http.server`: they take a `Request` and return a `Response` or
raise `ApiError`, which the server turns into a JSON error with its status code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs


class ApiError(Exception):
    """An error the client should see: an HTTP status and a one-line message."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(slots=True)
class Request:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # lower-case names
    body: bytes = b""
    params: dict[str, str] = field(default_factory=dict)  # from the route pattern

    @classmethod
    def parse_query(cls, raw: str) -> dict[str, str]:
        """The last value of each query parameter; blank values count as absent."""
        return {key: values[-1] for key, values in parse_qs(raw, keep_blank_values=False).items()}

    def json(self) -> Any:
        """The body as JSON; a 400 when it is not UTF-8 JSON, is nested too deeply for the
        parser, or holds a lone surrogate (\\ud800-\\udfff, not a character)."""
        try:
            value = json.loads(self.body.decode("utf-8"))
            json.dumps(value, ensure_ascii=False).encode("utf-8")
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise ApiError(400, "the body is not valid JSON") from None
        except RecursionError:
            raise ApiError(400, "the JSON body is nested too deeply") from None
        except UnicodeEncodeError:
            raise ApiError(400, "the JSON body holds a lone surrogate (\\ud800-\\udfff), which is not a character") from None
        return value

    def text(self, name: str) -> str | None:
        value = self.query.get(name)
        return (value.strip() or None) if value is not None else None

    def integer(self, name: str, default: int, *, low: int = 0, high: int = 10**9) -> int:
        """A bounded integer parameter; out of range or not a number is a 400."""
        value = self.query.get(name)
        if value is None:
            return default
        try:
            number = int(value)
        except ValueError:
            raise ApiError(400, f"{name} must be a whole number, not {value!r}") from None
        if not low <= number <= high:
            raise ApiError(400, f"{name} must be between {low} and {high}, not {number}")
        return number


@dataclass(slots=True)
class Response:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def json(cls, data: Any, status: int = 200) -> "Response":
        return cls(status, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))

    @classmethod
    def error(cls, status: int, message: str) -> "Response":
        return cls.json({"error": {"status": status, "message": message}}, status)
