"""Generated texts that make a careless pipeline cost more than linearly in their length.

Each generator gives a text of about `size` characters from a fixed seed, built from a small
vocabulary written for these tests (news and history words, names, dates and numbers), so
that taggers find events, entities and dates in them as in real text, only arranged badly.
"""

from __future__ import annotations

import random
from collections.abc import Callable

_WORDS = (
    "в 1812 году армия Наполеона вошла в Москву и генерал Кутузов отступил к Тарутину "
    "после пожара город опустел а император Александр отказался от переговоров "
    "министр иностранных дел России Сергей Лавров встретился с послом Франции в Париже "
    "13 марта 2019 года правительство объявило о выборах президента и парламент принял закон "
    "вчера в Петербурге открылась выставка губернатор заявил что работы начнутся весной "
    "войска Суворова перешли Альпы осенью 1799 года и разбили противника у реки "
    "компания Газпром подписала договор с Китаем о поставках газа на тридцать лет "
    "князь Ярослав Мудрый построил собор в Киеве а его сын Всеволод правил в Переяславле"
).split()


def _stream(rng: random.Random, size: int, words: list[str], sep: Callable[[int], str]) -> str:
    parts, length, i = [], 0, 0
    while length < size:
        word = words[i % len(words)] + sep(i)
        parts.append(word)
        length += len(word)
        i += 1
    return "".join(parts)[:size]


def no_punctuation(size: int, seed: int = 1) -> str:
    """News without a single mark, a paragraph break now and then."""
    rng = random.Random(seed)
    return _stream(rng, size, list(_WORDS), lambda i: "\n\n" if i % 400 == 399 else " ")


def one_line(size: int, seed: int = 1) -> str:
    """One line without marks or breaks (a pasted transcript)."""
    rng = random.Random(seed)
    return _stream(rng, size, list(_WORDS), lambda i: " ")


def digits_only(size: int, seed: int = 1) -> str:
    """Numbers separated by spaces (a table flattened into a line)."""
    rng = random.Random(seed)
    numbers = [str(rng.randrange(1, 100_000)) for _ in range(997)]
    return _stream(rng, size, numbers, lambda i: " ")


def shuffled_words(size: int, seed: int = 1) -> str:
    """The vocabulary in random order, with marks and capitals where they fall."""
    rng = random.Random(seed)
    words = [rng.choice(_WORDS) for _ in range(5000)]
    return _stream(rng, size, words, lambda i: rng.choice((" ", " ", " ", ", ", ". ", " — ")))


def short_lines(size: int, seed: int = 1) -> str:
    """Very many short lines: a word each, now and then two."""
    rng = random.Random(seed)
    words = [rng.choice(_WORDS) for _ in range(5000)]
    return _stream(rng, size, words, lambda i: " " if i % 16 == 15 else "\n")


GENERATORS: dict[str, Callable[[int], str]] = {
    "no_punctuation": no_punctuation,
    "one_line": one_line,
    "digits_only": digits_only,
    "shuffled_words": shuffled_words,
    "short_lines": short_lines,
}
