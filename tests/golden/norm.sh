# The normalisations of tcpdump's text that the golden comparisons apply
# (described in run.sh).  Sourced by run.sh and truncated.sh.
norm() {
	perl -pe 's/\b(cksum 0x[0-9a-f]{4}) \((?:correct|incorrect -> 0x[0-9a-f]{4})\)/$1/g' 
}
