from bench.speed import _cut, best_table


def test_a_workload_text_is_cut_at_a_paragraph_break_within_its_size():
    text = "\n".join(["строка летописи"] * 100)
    cut = _cut(text, 500)
    assert len(cut) <= 500 and text.startswith(cut) and text[len(cut)] == "\n"
    assert _cut("коротко", 500) == "коротко"


def test_the_best_table_compares_each_run_with_natasha_by_wall_and_cpu():
    rows = [
        {"workload": "news", "system": "letopis", "jobs": 1, "wall_s": 10.0, "cpu_s": 8.0, "peak_mib": 400, "chars": 1000, "chars_per_s": 100},
        {"workload": "news", "system": "letopis", "jobs": 1, "wall_s": 12.0, "cpu_s": 9.0, "peak_mib": 400, "chars": 1000, "chars_per_s": 83},
        {"workload": "news", "system": "natasha", "jobs": 1, "wall_s": 15.0, "cpu_s": 12.0, "peak_mib": 300, "chars": 1000, "chars_per_s": 67},
    ]
    table = best_table(rows)
    letopis_row = next(line for line in table.splitlines() if "| letopis |" in line)
    assert letopis_row.endswith("| 1.50 | 1.50 |")  # the faster of the two letopis runs
