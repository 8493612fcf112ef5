# bash completion for bk-plan; the words come from the program itself
# (bk-plan --complete WHAT), so they follow its option table and catalog.
_bk_plan()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local cmd=${COMP_WORDS[0]} sub="" i words=""
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		--db|--format|--region|--kind|--position|--equipment|--name|\
		-[dfrkpen]) ((i++)) ;;
		-*) ;;
		*) sub=${COMP_WORDS[i]}; break ;;
		esac
	done
	case $prev in
	--db|-d)
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		return ;;
	--name|-n)
		return ;;
	--format|-f) words=$("$cmd" --complete format) ;;
	--region|-r) words=$("$cmd" --complete region) ;;
	--kind|-k) words=$("$cmd" --complete kind) ;;
	--position|-p) words=$("$cmd" --complete position) ;;
	--equipment|-e) words=$("$cmd" --complete equipment) ;;
	*)
		if [[ $cur == -* ]]; then
			words=$("$cmd" --complete options)
		elif [[ -z $sub ]]; then
			words=$("$cmd" --complete commands)
		elif [[ $sub == exercise && $prev == exercise ]]; then
			words="add $("$cmd" --complete exercises 2>/dev/null)"
		fi ;;
	esac
	mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")
}
complete -F _bk_plan bk-plan
