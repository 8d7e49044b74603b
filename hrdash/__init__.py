"""Human Rights Mechanisms Dashboard: data model, build, queries, charts and exports."""
