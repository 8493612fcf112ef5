# bash completion for bk-plan; the words come from the program itself
# (bk-plan --complete WHAT), so they follow its option table, catalog,
# templates and plans.
_bk_plan()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local cmd=${COMP_WORDS[0]} sub="" i n=0 words=""
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		--db|--format|--region|--kind|--position|--equipment|--name|\
		--template|--start|--days|--on|--side|--times|--date|\
		-[DNdEfkoPrS]) ((i++)) ;;
		-*) ;;
		*) if [[ -z $sub ]]; then sub=${COMP_WORDS[i]}; else ((n++)); fi ;;
		esac
	done
	case $prev in
	--db|-d)
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		return ;;
	--name|--days|-N|--times)
		return ;;
	--template)
		mapfile -t COMPREPLY < <(compgen -W "$("$cmd" --complete templates)" -- "$cur"; compgen -f -X '!*.plan' -- "$cur"; compgen -d -S / -- "$cur")
		return ;;
	--format|-f) words=$("$cmd" --complete format) ;;
	--region|-r) words=$("$cmd" --complete region) ;;
	--kind|-k) words=$("$cmd" --complete kind) ;;
	--position|-P) words=$("$cmd" --complete position) ;;
	--equipment|-E) words=$("$cmd" --complete equipment) ;;
	--on|-o) words=$("$cmd" --complete weekdays) ;;
	--side|-S) words=$("$cmd" --complete side) ;;
	--start|--date|-D|--week) words=$("$cmd" --complete dates) ;;
	*)
		if [[ $cur == -* ]]; then
			words=$("$cmd" --complete options)
		elif [[ -z $sub ]]; then
			words=$("$cmd" --complete commands)
		else
			case $sub:$n in
			exercise:0) words="add $("$cmd" --complete exercises 2>/dev/null)" ;;
			template:0) words=$("$cmd" --complete templates) ;;
			show:0|today:0|check:0|export:0|rm:0|add:0|end:0|next:0|remind:0|notify:0)
				words=$("$cmd" --complete plans 2>/dev/null) ;;
			add:1|rm:1) words=$("$cmd" --complete exercises 2>/dev/null) ;;
			esac
		fi ;;
	esac
	mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")
}
complete -F _bk_plan bk-plan
