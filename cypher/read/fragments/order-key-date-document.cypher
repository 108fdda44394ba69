// read/fragments/order-key-date for a page whose other end {{other}} is known to be a Document
// (its field's type says so): its publication date, as the CASE there would choose.
coalesce({{other}}.published, '')
