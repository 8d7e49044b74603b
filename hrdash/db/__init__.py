"""The database: schema and connections, the build, reference and public loading, the query runner, lock, stats."""
