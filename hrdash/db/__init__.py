"""The database: its schema, the build, reference and public loading, the query runner, the lock, stats."""
