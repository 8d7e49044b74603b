-- The file each import source stands for, so that pages can name it ("Imported file status_cat.html").
-- No parameters. Grain: one row per import_log entry (source = 'import:' || the first 16 hex digits of its sha256).
with final as (
    select 'import:' || left(sha256, 16) as source, file_name, id
    from import_log
)
select * from final order by id
