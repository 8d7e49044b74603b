-- Countries for the country filter. No parameters. Grain: one row per country.
select iso3, name, ohchr_region from country order by name
