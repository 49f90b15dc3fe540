"""SHA-256 through OpenSSL: the one the ``cryptography`` package carries.

Python's ``hashlib`` uses OpenSSL only when its own OpenSSL module is present; without
it (the installable bundle leaves Python's OpenSSL out: the program makes no network
connections) SHA-256 falls back to Python's built-in code, about seven times slower on
the attachments and packages it hashes. This one is as fast everywhere.
"""

from __future__ import annotations

from cryptography.hazmat.primitives import hashes

__all__ = ["Sha256", "sha256"]


class Sha256:
    """``hashlib.sha256()``'s interface, for what the program uses of it."""

    __slots__ = ("_hash",)

    def __init__(self, data: bytes = b"") -> None:
        self._hash = hashes.Hash(hashes.SHA256())
        if data:
            self._hash.update(data)

    def update(self, data: bytes) -> None:
        self._hash.update(data)

    def digest(self) -> bytes:
        return self._hash.copy().finalize()

    def hexdigest(self) -> str:
        return self.digest().hex()


def sha256(data: bytes = b"") -> Sha256:
    return Sha256(data)
