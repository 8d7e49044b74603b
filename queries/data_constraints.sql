-- CHECK constraints of every table (allowed values and rules, for the data dictionary and templates).
-- No parameters. Grain: one row per CHECK constraint.
with checks as (
    select table_name, constraint_column_names, expression, table_oid, constraint_index
    from duckdb_constraints()
    where schema_name = 'main' and constraint_type = 'CHECK'
),
final as (
    select table_name, constraint_column_names, expression
    from checks
    order by table_oid, constraint_index
)
select * from final
