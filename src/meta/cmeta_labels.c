/* Sorted label sets and their compact JSON form. */
#include "meta/cmeta_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

static size_t labels_find(const struct cm_labels *l, const char *k, int *found)
{
	size_t lo = 0, hi = l->n;
	*found = 0;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int r = strcmp(l->kv[mid].k, k);
		if (!r) {
			*found = 1;
			return mid;
		}
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int cm_labels_set(struct cm_labels *l, const char *k, const char *v)
{
	int found;
	size_t i = labels_find(l, k, &found);
	char *nv = strdup(v ? v : "");
	if (!nv)
		return -ENOMEM;
	if (found) {
		free(l->kv[i].v);
		l->kv[i].v = nv;
		return 0;
	}
	char *nk = strdup(k);
	struct cm_kv *n = realloc(l->kv, (l->n + 1) * sizeof(*n));
	if (!nk || !n) {
		free(nk);
		free(nv);
		if (n)
			l->kv = n;
		return -ENOMEM;
	}
	l->kv = n;
	memmove(&l->kv[i + 1], &l->kv[i], (l->n - i) * sizeof(*n));
	l->kv[i].k = nk;
	l->kv[i].v = nv;
	l->n++;
	return 0;
}

const char *cm_labels_get(const struct cm_labels *l, const char *k)
{
	int found;
	size_t i = labels_find(l, k, &found);
	return found ? l->kv[i].v : NULL;
}

void cm_labels_free(struct cm_labels *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->kv[i].k);
		free(l->kv[i].v);
	}
	free(l->kv);
	l->kv = NULL;
	l->n = 0;
}

static int skipped(const char *k, const char *const *skip)
{
	for (; skip && *skip; skip++)
		if (!strncmp(k, *skip, strlen(*skip)))
			return 1;
	return 0;
}

char *cm_labels_json(const struct cm_labels *a, const struct cm_labels *b,
		     const char *const *skip)
{
	static const struct cm_labels none;
	json_object *o = json_object_new_object();
	char *res = NULL;
	size_t i = 0, j = 0;

	if (!a)
		a = &none;
	if (!b)
		b = &none;
	if (!o)
		return NULL;
	/* merge two sorted lists; json-c keeps insertion order */
	while (i < a->n || j < b->n) {
		const struct cm_kv *kv;
		if (j >= b->n || (i < a->n && strcmp(a->kv[i].k, b->kv[j].k) < 0)) {
			kv = &a->kv[i++];
		} else {
			if (i < a->n && !strcmp(a->kv[i].k, b->kv[j].k))
				i++;
			kv = &b->kv[j++];
		}
		if (skipped(kv->k, skip))
			continue;
		json_object *s = json_object_new_string(kv->v);
		if (!s || json_object_object_add(o, kv->k, s)) {
			json_object_put(s);
			goto out;
		}
	}
	res = strdup(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
						    JSON_C_TO_STRING_NOSLASHESCAPE));
out:
	json_object_put(o);
	return res;
}

