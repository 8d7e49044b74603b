-- States parties with reservations to each instrument among the selected countries (parties on 31
-- December of $year_to). The data hold a current reservations flag only: a reservation withdrawn
-- before today is not counted, whatever $year_to is.
-- Parameters: $region, $countries, $target_ea (country selection); $year_to.
-- Grain: one row per instrument.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
parties as (
    select instrument, reservations
    from ratification
    where consent_date <= make_date($year_to, 12, 31) and country_iso3 in (select iso3 from sel)
),
final as (
    select
        i.code as instrument,
        i.short_name,
        count(p.instrument) as parties,
        count(p.instrument) filter (where p.reservations) as with_reservations,
        round(100.0 * count(p.instrument) filter (where p.reservations) / nullif(count(p.instrument), 0), 1)
            as share_with_reservations
    from instrument i
    left join parties p on p.instrument = i.code
    group by all
)
select * from final order by with_reservations desc, instrument
