"""Words that present the source of a report («сообщает Lenta.ru», «по данным NEWSru.com»,
«цитирует infox.ru»): a web address in that place names the publisher, an organisation,
where «на сайте gosuslugi.ru» names a site."""

from __future__ import annotations

# Verbs whose subject is the one reporting (lemmas).
REPORTING_VERBS: frozenset[str] = frozenset(
    """
    сообщать сообщить передавать передать цитировать процитировать писать написать
    отмечать отметить напоминать напомнить информировать проинформировать уточнять
    уточнить утверждать рассказывать рассказать публиковать опубликовать
    """.split()
)
# Words that introduce a source right before it: «согласно», «по данным», «по словам»,
# «по информации», «со ссылкой на».
SOURCE_MARKERS: frozenset[str] = frozenset({"согласно"})
SOURCE_PHRASES: frozenset[tuple[str, str]] = frozenset(
    {("по", "данные"), ("по", "слово"), ("по", "информация"), ("по", "сведение"), ("ссылка", "на")}
)
# Nouns of a publisher the address stands in apposition to: «издание Lenta.ru».
PUBLISHER_NOUNS: frozenset[str] = frozenset(
    {"издание", "агентство", "газета", "журнал", "портал", "интернет-издание", "интернет-портал", "редакция"}
)

# Words right before a web address that make it a report's source.
SOURCE_BEFORE: frozenset[str] = REPORTING_VERBS | SOURCE_MARKERS | PUBLISHER_NOUNS
