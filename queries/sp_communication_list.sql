-- Special Procedures communications to the selected countries in the selected years, with the mandates that
-- sent them.
-- Parameters: $region, $countries, $target_ea (country selection); $limit (rows, null = all, for the export);
-- $year_from, $year_to (year sent).
-- Grain: one row per communication.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
final as (
    select
        m.sent_date, c.name as country, c.iso3, c.ohchr_region, m.type, m.joint,
        len(m.mandates) as mandate_count, array_to_string(m.mandates, '; ') as mandates,
        m.replied, m.reply_date, m.id, m.source
    from sp_communication m
    join sel on sel.iso3 = m.country_iso3
    join country c on c.iso3 = m.country_iso3
    where year(m.sent_date) between $year_from and $year_to
)
select * from final order by sent_date desc, id
limit $limit
