"""The code lists only the use-of-force source uses. Place type, CED (Taser) use and outcome are in
``use_of_force_codes.csv`` (a ``code_list`` column, as ``complaint_codes.csv``); the subject's ethnicity as the
officer perceived it, in the form's five groups and not known, is in ``ethnicity_source_values.csv`` (source
system ``use_of_force_perceived``), which maps it onto the broad groups."""

from __future__ import annotations

from equality.contracts import CodeList, code_lists_in

CODE_LISTS: dict[str, CodeList] = {
    **code_lists_in("use_of_force_codes.csv", "place_type", "ced_use", "use_of_force_outcome"),
    "perceived_ethnicity": CodeList("ethnicity_source_values.csv", "source_value", None,
                                    where=("source_system", "use_of_force_perceived")),
}
