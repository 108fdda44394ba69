// A bulk load starts by removing the loaded-version record, and writes it again only once every
// unit is in: a partial graph never claims to be a complete seed.
MATCH (m:GraphMeta {id: 'seed'})
DELETE m
