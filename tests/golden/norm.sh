# The normalisations of tcpdump's text that the golden comparisons apply
# (described in run.sh).  Sourced by run.sh and truncated.sh.
norm() {	# $1 = capture base name
	perl -pe 's/\b(cksum 0x[0-9a-f]{4}) \((?:correct|incorrect -> 0x[0-9a-f]{4})\)/$1/g' |
	if [[ $1 == sll* ]]; then
		perl -pe 's/(^|\S) +(In|Out|B|M|P|\?)( +)(?=\S)(?!(?:In|Out|B|M|P|\?) )/($1 eq "" ? "" : "$1 ") . $2 . (" " x (length($3) > 3 - length($2) ? length($3) - (3 - length($2)) : 1))/e'
	else
		cat
	fi
}
