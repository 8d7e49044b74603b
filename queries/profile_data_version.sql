-- What identifies the data the app shows: the build time and the imports since. The country profile
-- keys its cached views by it, so that an import (which clears the query cache) gives fresh views.
-- No parameters. Grain: one row.
with final as (
    select
        (select value from build_info where key = 'built_at') as built_at,
        (select count(*) from import_log) as imports,
        (select max(imported_at) from import_log) as last_import
)
select * from final
