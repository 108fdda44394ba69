// read/fragments/order-key-date for a page whose other end {{other}} is known to be a Meeting
// (its field's type says so): the meeting's start, as the CASE there would choose.
coalesce({{other}}.start, '')
