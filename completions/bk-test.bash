# bash completion for bk-test; the words come from the program itself
# (bk-test --complete WHAT), so they follow its option table.
_bk_test()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local cmd=${COMP_WORDS[0]} sub="" i words=""
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		--age|--date|--db|--format|--kind|--note|--protocol|--region|\
		--since|--sex|--until|-[ADdfkmrsu]) ((i++)) ;;
		-*) ;;
		*) sub=${COMP_WORDS[i]}; break ;;
		esac
	done
	case $prev in
	--db|-d)
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		return ;;
	--age|-A|--note|-m)
		return ;;
	--date|-D|--since|-s|--until|-u) words="today yesterday" ;;
	--format|-f) words=$("$cmd" --complete format) ;;
	--kind|-k) words=$("$cmd" --complete kind) ;;
	--protocol) words=$("$cmd" --complete protocol) ;;
	--region|-r) words=$("$cmd" --complete region) ;;
	--sex) words=$("$cmd" --complete sex) ;;
	*)
		if [[ $cur == --* ]]; then
			words=$("$cmd" --complete options)
		elif [[ -z $sub ]]; then
			words=$("$cmd" --complete commands)
		elif [[ $sub == toe-touch && $cur != -* ]]; then
			words=$("$cmd" --complete levels)
		elif [[ ($sub == how || $sub == progress) && $prev == "$sub" ]]; then
			words=$("$cmd" --complete kind)
		fi ;;
	esac
	mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")
}
complete -F _bk_test bk-test
