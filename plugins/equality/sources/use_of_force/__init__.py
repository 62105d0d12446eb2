"""Use of force: the force's use-of-force forms (Home Office Annual Data Requirement), one report per officer,
subject and incident."""
