// Keyset bounds on node x's {{key}} property then id, as a range index seek on (key, id): rows
// strictly between [$lowerKey, $lowerId] and [$upperKey, $upperId]. Without a bound the caller
// passes '' / '' and '\uffff' / '' (U+FFFF, a noncharacter, sorts after every text).
x.{{key}} >= $lowerKey AND x.{{key}} <= $upperKey
AND x.id IS NOT NULL
AND ($lowerId = '' OR x.{{key}} > $lowerKey OR x.id > $lowerId)
AND ($upperId = '' OR x.{{key}} < $upperKey OR x.id < $upperId)
