-- The 18 instruments in reading order (each core treaty followed by its optional protocols), for the
-- page's instrument choices and the order of chart axes. No parameters. Grain: one row per instrument.
with parent as (
    select i.*, coalesce(p.adopted, i.adopted) as parent_adopted, coalesce(i.parent_code, i.code) as family
    from instrument i
    left join instrument p on p.code = i.parent_code
),
final as (
    select
        code, short_name, name, kind, body, adopted,
        row_number() over (order by parent_adopted, family, kind <> 'core', adopted, code) as ord
    from parent
)
select * from final order by ord
