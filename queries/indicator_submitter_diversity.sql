-- Indicator EA7.2 (hrdash/model/indicators.py): diversity of the civil society actors using the mechanisms — how many of
-- the four submitter types (NHRI, national NGO, coalition, international NGO) made a submission about the country
-- in the year.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = distinct submitter types with at least one
-- submission; denominator = 1 if the country had any submission that year, else 0 (so that, summed over
-- countries, numerator / denominator is the average diversity of the countries with submissions);
-- value = numerator / denominator (null in a year without submissions).
with counted as (  -- every selected country × year: submitter types, over 1 if there were any
    select s.*, count(distinct x.submitter_type) as numerator,
           (count(distinct x.submitter_type) > 0)::bigint as denominator
    from country_year_spine($region, $countries::varchar[], $target_ea, $year_from, $year_to) s
    left join stakeholder_submission x on x.country_iso3 = s.country_iso3 and x.year = s.year and x.count > 0
    group by all
)
select * from indicator_mean(counted)
