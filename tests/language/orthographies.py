"""The sample text of tests/language/data (README there): NFC as typed, NFD made here."""

import json
import unicodedata
from pathlib import Path

DATA = Path(__file__).parent / "data" / "minority_orthographies.json"
LANGUAGES = json.loads(DATA.read_text(encoding="utf-8"))["languages"]

# (language code, NFC text, ASCII fold) for every sample sentence.
SENTENCES = [
    (code, sentence["text"], sentence["ascii"])
    for code, language in LANGUAGES.items()
    for sentence in language["sentences"]
]
MINORITY = [s for s in SENTENCES if s[0] != "vi"]


def nfd(text):
    return unicodedata.normalize("NFD", text)


def nfc(text):
    return unicodedata.normalize("NFC", text)


def in_both_forms(sentences=SENTENCES):
    """(code, form, typed, NFC text, ASCII fold): each sentence as typed in NFC and as a Mac
    or Unikey's "Unicode tổ hợp" sends it (NFD)."""
    return [
        (code, form, typed, text, ascii_text)
        for code, text, ascii_text in sentences
        for form, typed in (("nfc", text), ("nfd", nfd(text)))
    ]
