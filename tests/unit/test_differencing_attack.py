"""The differencing attack (tests/differencing_attack.py) on hand-made tables: it finds what subtraction reveals,
through several steps, and nothing that the published intervals leave open."""

from pathlib import Path

from differencing_attack import PerturbationTable, Relation, narrowed, recovered, recovered_through_bounded_noise

SUPPRESSED, NOT_PUBLISHED = (0, 9), (0, 10**6)

# A force of two LPUs and two groups, with every total:
#            group A   group B   total
#   LPU 1      3         40        43
#   LPU 2     25          7        32
#   force     28         47        75
TRUTH = {("1", "A"): 3, ("1", "B"): 40, ("1", "all"): 43, ("2", "A"): 25, ("2", "B"): 7, ("2", "all"): 32,
         ("force", "A"): 28, ("force", "B"): 47, ("force", "all"): 75}
RELATIONS = [Relation(("force", group), (("1", group), ("2", group))) for group in ("A", "B", "all")] + [
    Relation((lpu, "all"), ((lpu, "A"), (lpu, "B"))) for lpu in ("1", "2", "force")]


def published_exactly(hidden: set) -> dict:
    """Every count published as it is, bar the hidden cells: suppressed if below 10, else not published."""
    return {cell: (SUPPRESSED if count < 10 else NOT_PUBLISHED) if cell in hidden else (count, count)
            for cell, count in TRUTH.items()}


def test_a_suppressed_cell_comes_back_by_one_subtraction():
    protected, found = recovered(published_exactly({("1", "A")}), RELATIONS, TRUTH)
    assert protected == found == [("1", "A")]


def test_a_cell_hidden_with_its_row_total_comes_back_in_two_steps():
    # LPU 1's total is not published either, but the force total less LPU 2's gives it, and then the group follows
    known = published_exactly({("1", "A"), ("1", "all")})
    assert narrowed(known, RELATIONS)[("1", "A")] == (3, 3)


def test_complementary_suppression_of_a_rectangle_narrows_the_small_cells_without_pinning_them():
    known = published_exactly({("1", "A"), ("1", "B"), ("2", "A"), ("2", "B")})
    protected, found = recovered(known, RELATIONS, TRUTH)
    assert protected == [("1", "A"), ("2", "B")] and found == []
    # each pair of totals moves 1A and 2B together: 1A = 28 - 2A and 2B = 32 - 2A, with 2B at most 9
    assert narrowed(known, RELATIONS)[("1", "A")] == (0, 5)


def test_counts_published_within_two_of_the_truth_do_not_pin_a_small_cell():
    # every count perturbed by at most 2 (the attacker knows the bound, not the perturbation)
    perturbation = {("1", "B"): 2, ("1", "all"): -1, ("2", "A"): -2, ("2", "all"): 0,
                    ("force", "A"): 1, ("force", "B"): -1, ("force", "all"): 2}
    known = {cell: (max(0, TRUTH[cell] + change - 2), TRUTH[cell] + change + 2) for cell, change in perturbation.items()}
    known |= {("1", "A"): SUPPRESSED, ("2", "B"): SUPPRESSED}
    protected, found = recovered(known, RELATIONS, TRUTH)
    assert protected == [("1", "A"), ("2", "B")] and found == []


def test_a_small_count_beside_its_published_complement_is_not_pinned_when_each_count_carries_its_own_noise():
    # a value's count and all the others' (3 + 40) and another split of the same total (20 + 23); the total is not
    # published. Exact, 3 is the total (20 + 23) less 40; each perturbed by its own key, it stays open.
    table = PerturbationTable.read(Path(__file__).parents[2] / "dbt_project" / "seeds" / "cell_key_perturbation.csv")
    truth = {"value": 3, "others": 40, "second": 20, "rest of second": 23, "total": 43}
    relations = [Relation("total", ("value", "others")), Relation("total", ("second", "rest of second"))]
    exact = {cell: (count, count) if count >= 10 else SUPPRESSED for cell, count in truth.items() if cell != "total"}
    assert recovered(exact | {"total": NOT_PUBLISHED}, relations, truth)[1] == ["value"]
    published = {"value": None, "others": 41, "second": 19, "rest of second": 24}
    protected, found = recovered_through_bounded_noise(published, ["total"], relations, truth, table, threshold=10)
    assert protected == ["value"] and found == []
