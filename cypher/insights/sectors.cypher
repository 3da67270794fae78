// Every DPG sector with how many DPGs are in it, most DPGs first. Sectors are a property of DPGs
// (as the registry names them), not entities: a stakeholder map of a sector is drawn around its
// DPGs, and server/insights/sector-subject.ts reads which sector a request names from this list.
MATCH (d:DPG)
UNWIND coalesce(d.sectors, []) AS sector
WITH sector, count(DISTINCT d) AS dpgs
RETURN sector, dpgs
ORDER BY dpgs DESC, sector
