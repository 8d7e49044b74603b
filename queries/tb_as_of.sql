-- The day "now" means on the Treaty bodies page: 31 December of $year_to, or the latest date in the
-- treaty-body data when that is earlier (whether a report due after it was submitted is not known).
-- Parameters: $year_to. Grain: one row.
with latest as (
    select max(greatest(due_date, coalesce(submitted_date, due_date), coalesce(reviewed_date, due_date))) as d
    from tb_report
),
final as (
    select
        least(make_date($year_to, 12, 31), coalesce(latest.d, make_date($year_to, 12, 31))) as as_of,
        latest.d as latest_in_data,
        case when latest.d is null or make_date($year_to, 12, 31) <= latest.d then 'year_end'
             else 'latest_in_data' end as basis
    from latest
)
select * from final
