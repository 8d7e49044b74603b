-- Special Procedures visits carried out in the years, and the requests still open at the end of
-- $year_to (status as recorded in the data), for one country or all.
-- Parameters: $country (ISO3, or null for every country), $year_from, $year_to (both null: every visit and
-- request, open_years null — the page asks for that once and cuts it to its years with
-- hrdash/profile_years.py: sp_visits, which a test keeps equal to this query with years; the export asks
-- for the years shown).
-- Grain: one row per visit or request. Pending = requested or no reply (not yet accepted);
-- accepted and postponed visits are open too.
with as_of as (
    select make_date($year_to::integer, 12, 31) as d
),
visits as (
    select v.*, m.title as mandate, m.kind as mandate_kind, a.d
    from sp_visit v
    join sp_mandate m on m.code = v.mandate_code
    cross join as_of a
    where $country::varchar is null or v.country_iso3 = $country::varchar
),
final as (
    select
        country_iso3,
        mandate,
        mandate_kind,
        status,
        status in ('requested', 'no reply') as pending,
        request_date,
        start_date,
        end_date,
        case when status <> 'completed' then round(date_diff('day', request_date, d) / 365.25, 1) end
            as open_years,
        report_symbol,
        source
    from visits
    where $year_to::integer is null
       or (status = 'completed' and year(start_date) between $year_from and $year_to)
       or (status <> 'completed' and request_date <= d)
)
select * from final
order by country_iso3, status = 'completed', pending desc, coalesce(start_date, request_date) desc, mandate
