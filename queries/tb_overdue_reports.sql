-- Every report overdue on $as_of in the selected countries: due on or before that day and not
-- submitted by it; longest overdue first.
-- Parameters: $region, $countries, $target_ea (country selection); $as_of (date, from tb_as_of);
-- $bodies (treaty-body codes; empty = all).
-- Grain: one row per overdue report.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
final as (
    select
        c.name as country,
        r.country_iso3 as iso3,
        c.ohchr_region,
        r.body,
        r.report_no,
        r.due_date,
        ($as_of::date - r.due_date) as days_overdue,
        r.submitted_date as submitted_later,
        r.id,
        r.source
    from tb_report r
    join sel on sel.iso3 = r.country_iso3
    join country c on c.iso3 = r.country_iso3
    where r.due_date <= $as_of::date
      and (r.submitted_date is null or r.submitted_date > $as_of::date)
      and (len($bodies::varchar[]) = 0 or list_contains($bodies::varchar[], r.body))
)
select * from final order by days_overdue desc, country, body
