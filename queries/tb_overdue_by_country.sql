-- Reports overdue on $as_of per selected country (due on or before that day, not submitted by it),
-- ranked, most overdue first; countries with none are kept (zero) so the map shows them.
-- Parameters: $region, $countries, $target_ea (country selection); $as_of (date, from tb_as_of);
-- $bodies (treaty-body codes; empty = all).
-- Grain: one row per selected country.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
overdue as (
    select country_iso3, body, due_date
    from tb_report
    where country_iso3 in (select iso3 from sel)
      and due_date <= $as_of::date
      and (submitted_date is null or submitted_date > $as_of::date)
      and (len($bodies::varchar[]) = 0 or list_contains($bodies::varchar[], body))
),
per_country as (
    select
        country_iso3,
        count(*) as overdue_reports,
        string_agg(distinct body, ', ' order by body) as bodies,
        min(due_date) as oldest_due_date
    from overdue
    group by 1
),
final as (
    select
        rank() over (order by coalesce(p.overdue_reports, 0) desc) as rank,
        c.iso3,
        c.name,
        c.ohchr_region,
        coalesce(p.overdue_reports, 0) as overdue_reports,
        p.bodies,
        p.oldest_due_date,
        round(($as_of::date - p.oldest_due_date) / 365.25, 1) as longest_overdue_years
    from country c
    join sel on sel.iso3 = c.iso3
    left join per_country p on p.country_iso3 = c.iso3
)
select * from final order by rank, name
