-- Reports overdue on $as_of per treaty body in the selected countries: due on or before that day and not
-- submitted by it, whatever year they fell due.
-- Parameters: $region, $countries, $target_ea (country selection); $as_of (date, from tb_as_of);
-- $bodies (treaty-body codes; empty = all nine).
-- Grain: one row per treaty body (zero included).
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
bodies as (
    select code as body, body_name
    from instrument
    where kind = 'core' and (len($bodies::varchar[]) = 0 or list_contains($bodies::varchar[], code))
),
overdue as (
    select body, country_iso3
    from tb_report
    where country_iso3 in (select iso3 from sel)
      and due_date <= $as_of::date
      and (submitted_date is null or submitted_date > $as_of::date)
),
final as (
    select
        b.body,
        b.body_name,
        count(o.body) as overdue_reports,
        count(distinct o.country_iso3) as countries
    from bodies b
    left join overdue o on o.body = b.body
    group by all
)
select * from final order by overdue_reports desc, body
