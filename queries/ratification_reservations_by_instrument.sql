-- States parties with reservations to each instrument among the selected countries (parties on 31
-- December of $year_to). The data hold a current reservations flag only: a reservation withdrawn
-- before today is not counted, whatever $year_to is. Where the flag is not known (the bundled Treaty Collection
-- status does not give it), the party counts in `reservations_not_known`, never as "without reservations";
-- with_reservations and share_with_reservations are NULL when no party's flag is known.
-- Parameters: $region, $countries, $target_ea (country selection); $year_to.
-- Grain: one row per instrument.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
parties as (
    select instrument, reservations
    from ratification
    where party_on(consent_date, denounced_date, make_date($year_to, 12, 31)) and country_iso3 in (select iso3 from sel)
),
final as (
    select
        i.code as instrument,
        i.short_name,
        count(p.instrument) as parties,
        case when count(p.reservations) > 0 then count(p.instrument) filter (where p.reservations) end
            as with_reservations,
        count(p.instrument) filter (where p.reservations is null) as reservations_not_known,
        round(100.0 * count(p.instrument) filter (where p.reservations) / nullif(count(p.reservations), 0), 1)
            as share_with_reservations
    from instrument i
    left join parties p on p.instrument = i.code
    group by all
)
select * from final order by with_reservations desc nulls last, instrument
