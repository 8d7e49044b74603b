-- From recommendation to ratification, in figures: UPR recommendations asking to sign, ratify or accede to an
-- instrument, by response, and the share that led to the State becoming a party and the median time it took —
-- per instrument, per OHCHR region, per response and in all, in one pass.
-- A recommendation asks to join an instrument if its text has a verb of ratify / accede / sign / adhere / become
-- party and names the instrument: the schema's table macro upr_ratification_asks (hrdash/db/schema.sql) finds
-- them, by rules that hrdash/model/recognition.py holds (as data) and binds here.
-- Outcome: 'became a party' if the State's consent (ratification, accession, succession) is dated after the
-- review, 'already a party' if on or before it (the instrument was named for another reason, or the data
-- disagree), 'not a party' if it has not consented (yet). Years to party = consent date - review date.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (year of the review);
-- $ask_stems, $ask_pattern, $instrument_pattern, $rule_patterns, $rule_codes (the rules).
-- Grain: one row per instrument, per region, per response and one for all (`level`: 'instrument', 'region',
-- 'response', 'all'). Share led to party = became a party / (became + not a party): recommendations to States
-- already party are left out of it.
with outcomes as (
    select *
    from upr_ratification_asks(
        $region, $countries::varchar[], $target_ea, $year_from, $year_to,
        $ask_stems::varchar[], $ask_pattern, $instrument_pattern, $rule_patterns::varchar[], $rule_codes::varchar[][]
    )
),
grouped as (
    select
        case
            when grouping(instrument) = 0 then 'instrument'
            when grouping(ohchr_region) = 0 then 'region'
            when grouping(response) = 0 then 'response'
            else 'all'
        end as level,
        instrument,
        case when grouping(instrument) = 0 then any_value(instrument_name) end as instrument_name,
        ohchr_region, response,
        count(*) as recommendations,
        count(*) filter (where response = 'supported') as supported,
        count(*) filter (where response = 'noted') as noted,
        count(*) filter (where response = 'pending') as pending,
        count(*) filter (where outcome = 'became a party') as became_party,
        count(*) filter (where outcome = 'not a party') as not_party,
        count(*) filter (where outcome = 'already a party') as already_party,
        median(years_to_party) as median_years_to_party
    from outcomes
    group by grouping sets ((instrument), (ohchr_region), (response), ())
),
final as (
    select
        *,
        100.0 * became_party / nullif(became_party + not_party, 0) as share_became_party
    from grouped
)
select * from final order by level, instrument, ohchr_region, response
