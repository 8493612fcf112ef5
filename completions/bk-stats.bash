# bash completion for bk-stats; the words come from the program itself
# (bk-stats --complete WHAT), so they follow its option table and store.
_bk_stats()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local cmd=${COMP_WORDS[0]} sub="" i words=""
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		--by|--db|--exercise|--format|--output|--plan|--since|\
		--terminal|--until|-[bdefOpsu]) ((i++)) ;;
		-*) ;;
		*) sub=${COMP_WORDS[i]}; break ;;
		esac
	done
	case $prev in
	--db|-d|--output|-O)
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		return ;;
	--since|-s|--until|-u)
		words="today yesterday -1w -4w" ;;
	--by|-b) words=$("$cmd" --complete by) ;;
	--format|-f) words=$("$cmd" --complete format) ;;
	--terminal) words=$("$cmd" --complete terminal) ;;
	--exercise|-e) words=$("$cmd" --complete exercises 2>/dev/null) ;;
	--plan|-p) words=$("$cmd" --complete plans 2>/dev/null) ;;
	*)
		if [[ $cur == -* ]]; then
			words=$("$cmd" --complete options)
		elif [[ -z $sub ]]; then
			words=$("$cmd" --complete commands)
		elif [[ $sub == plot && $prev == plot ]]; then
			words=$("$cmd" --complete plots)
		fi ;;
	esac
	mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")
}
complete -F _bk_stats bk-stats
