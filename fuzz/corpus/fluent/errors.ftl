ok = fine
broken = { $x


next = { -missing } { missing-msg } { $unset }
.attr = only
only-attr =
    .title = T
