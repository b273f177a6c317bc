minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
welcome = { $name } خوش آمدید!
-brand = Donorbook
term-ref = { -brand } { NUMBER($count, minimumFractionDigits: 2) }
