-- National human rights institutions of the selected countries by accreditation status (A, B, C, none), and the
-- selected countries the data have no NHRI row for ('no data').
-- Parameters: $region, $countries, $target_ea (country selection).
-- Grain: one row per status (A, B, C, none, no data), countries = 0 where none.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
statuses (status, status_order, meaning) as (
    values
        ('A', 1, 'fully compliant with the Paris Principles'),
        ('B', 2, 'partially compliant'),
        ('C', 3, 'not compliant'),
        ('none', 4, 'not accredited'),
        ('no data', 5, 'no NHRI in the data')
),
per_country as (
    select sel.iso3, coalesce(n.status, 'no data') as status
    from sel
    left join nhri n on n.country_iso3 = sel.iso3
),
final as (
    select s.status, s.meaning, count(p.iso3) as countries, s.status_order
    from statuses s
    left join per_country p on p.status = s.status
    group by s.status, s.meaning, s.status_order
)
select status, meaning, countries from final order by status_order
