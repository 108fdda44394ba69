// read/fragments/order-key-date for a page whose other end is known to be neither a Meeting nor
// a Document (its field's type says so): the fact {{fact}}'s own date, as the CASE there would
// choose.
coalesce({{fact}}.start, {{fact}}.attested, '')
