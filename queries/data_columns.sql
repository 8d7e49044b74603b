-- Every column of every table of the database, in table and column order (for the data dictionary).
-- No parameters. Grain: one row per table × column.
with cols as (
    select table_name, column_name, data_type, is_nullable, is_generated, table_oid, column_index
    from duckdb_columns()
    where schema_name = 'main' and not internal
),
final as (
    select table_name, column_name, data_type, is_nullable, is_generated
    from cols
    order by table_oid, column_index
)
select * from final
