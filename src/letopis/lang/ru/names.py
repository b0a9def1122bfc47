"""Pieces of personal names: particles that belong to a surname and honorifics."""

from __future__ import annotations

# Lowercase particles that are part of the surname: «де Голль», «фон Паулюс», «ван Гог».
SURNAME_PARTICLES: frozenset[str] = frozenset(
    "де да ди дю дель делла ле ла фон цу ван ван-дер фан дер тер оф эль аль ибн бен бин мак о".split()
)

# Pronouns of the third person by lemma, and what they agree with.
PRONOUNS: dict[str, tuple[str | None, str]] = {
    # lemma: (gender or None, number)
    "он": ("Masc", "Sing"),
    "она": ("Fem", "Sing"),
    "оно": ("Neut", "Sing"),
    "они": (None, "Plur"),
}

# Possessive forms the tagger may read as determiners without features («по его мнению»).
POSSESSIVES: dict[str, tuple[str | None, str]] = {
    "его": ("Masc", "Sing"),
    "её": ("Fem", "Sing"),
    "ее": ("Fem", "Sing"),
    "их": (None, "Plur"),
}

RELATIVE_PRONOUNS: frozenset[str] = frozenset({"который"})
