-- UPR recommendations that ask the State to sign, ratify or accede to one of the 18 instruments, and whether
-- and when it then became a party.
-- A recommendation asks to join an instrument if its text has a verb of ratify / accede / sign / adhere / become
-- party and names the instrument: the schema's table macro upr_ratification_asks (hrdash/db/schema.sql) finds
-- them, by rules that hrdash/model/recognition.py holds (as data) and binds here.
-- Outcome: 'became a party' if the State's consent (ratification, accession, succession) is dated after the
-- review, 'already a party' if on or before it (the instrument was named for another reason, or the data
-- disagree), 'not a party' if it has not consented (yet). Years to party = consent date - review date.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (year of the review);
-- $ask_stems, $ask_pattern, $instrument_pattern, $rule_patterns, $rule_codes (the rules);
-- $limit (null = every row, for the export).
-- Grain: one row per recommendation × instrument it names, newest review first.
with outcomes as (
    select *
    from upr_ratification_asks(
        $region, $countries::varchar[], $target_ea, $year_from, $year_to,
        $ask_stems::varchar[], $ask_pattern, $instrument_pattern, $rule_patterns::varchar[], $rule_codes::varchar[][]
    )
),
final as (
    select
        rec_date as review_date, country, country_iso3 as iso3, ohchr_region, cycle, instrument, instrument_name,
        response, outcome, consent_date, consent_type, round(years_to_party, 2) as years_to_party, text, id
    from outcomes
    order by rec_date desc, id, instrument
    limit $limit
)
select * from final
