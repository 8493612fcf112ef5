# bash completion for bk-log; the words come from the program itself
# (bk-log --complete WHAT), so they follow its option table and catalog.
_bk_log()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local cmd=${COMP_WORDS[0]} sub="" nargs=0 i words=""
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		--db|--date|--time|--side|--hold|--rpe|--note|--plan|--reason|\
		--since|--until|--exercise|--format|--reps|--load|--units|\
		--except|-[DdefHlmpRxSstuU]) ((i++)) ;;
		-*) ;;
		*) [[ -z $sub ]] && sub=${COMP_WORDS[i]}; ((nargs++)) ;;
		esac
	done
	case $prev in
	--db|-d)
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		return ;;
	--time|-t|--hold|-H|--rpe|--note|-m|--reason|-R|--reps|-x|--load|-l)
		return ;;
	--date|-D|--since|-s|--until|-u)
		words="today yesterday monday tuesday wednesday thursday friday saturday sunday" ;;
	--format|-f)
		if [[ $sub == import ]]; then
			words=$("$cmd" --complete import-format)
		else
			words=$("$cmd" --complete format)
		fi ;;
	--units|-U) words="kg lb" ;;
	--side|-S) words=$("$cmd" --complete side) ;;
	--exercise|-e|--except) words=$("$cmd" --complete exercises 2>/dev/null) ;;
	--plan|-p) words=$("$cmd" --complete plans 2>/dev/null) ;;
	*)
		if [[ $cur == -* && $sub == session ]]; then
			words="--date --no-timer --timer --db --help"
		elif [[ $cur == -* && $sub == "done" ]]; then
			words="--except --date --db --help"
		elif [[ $cur == -* ]]; then
			words=$("$cmd" --complete options)
		elif [[ -z $sub ]]; then
			words="$("$cmd" --complete commands) $("$cmd" --complete exercises 2>/dev/null)"
		elif [[ $sub == import && $nargs == 1 ]]; then
			mapfile -t COMPREPLY < <(compgen -f -- "$cur")
			return
		elif [[ ($sub == session || $sub == "done") && $nargs == 1 ]]; then
			words=$("$cmd" --complete plans 2>/dev/null)
		elif [[ ($sub == skip || $sub == log) && $nargs == 1 ]]; then
			words=$("$cmd" --complete exercises 2>/dev/null)
		fi ;;
	esac
	mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")
}
complete -F _bk_log bk-log
