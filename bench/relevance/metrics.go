package main

import (
	"fmt"
	"math"
	"sort"
)

// outcome is how one query was answered.
type outcome struct {
	q       judgedQuery
	ids     []string // the first ten results
	ndcg    float64
	recall  float64
	rr      float64 // reciprocal rank of the first relevant result
	noisy   int     // results of a query judged empty
	judged  bool    // the query has relevant missions
	emptyOK bool    // judged empty and answered with nothing
}

// judge scores the first ten results of a query: nDCG@10 with gains 2^grade-1 against the
// ideal ordering of the judged missions, recall@10 of missions graded 1 or 2, and the
// reciprocal rank of the first of them.
func judge(q judgedQuery, ids []string) outcome {
	o := outcome{q: q, ids: ids, judged: len(q.Relevant) > 0}
	if len(ids) > 10 {
		o.ids = ids[:10]
	}
	if !o.judged {
		o.noisy = len(o.ids)
		o.emptyOK = len(o.ids) == 0
		return o
	}
	dcg, found := 0.0, 0
	for i, id := range o.ids {
		g := q.Relevant[id]
		if g <= 0 {
			continue
		}
		dcg += (math.Pow(2, float64(g)) - 1) / math.Log2(float64(i+2))
		found++
		if o.rr == 0 {
			o.rr = 1 / float64(i+1)
		}
	}
	grades := make([]int, 0, len(q.Relevant))
	for _, g := range q.Relevant {
		grades = append(grades, g)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(grades)))
	ideal := 0.0
	for i, g := range grades[:min(10, len(grades))] {
		ideal += (math.Pow(2, float64(g)) - 1) / math.Log2(float64(i+2))
	}
	o.ndcg = dcg / ideal
	o.recall = float64(found) / float64(min(10, len(q.Relevant)))
	return o
}

// summary averages outcomes of queries with relevant missions and counts the others.
type summary struct {
	n, empty             int
	ndcg, recall, mrr    float64
	judgedEmpty, emptyOK int
	noise                int
}

func summarise(os []outcome) summary {
	var s summary
	for _, o := range os {
		if !o.judged {
			s.judgedEmpty++
			s.noise += o.noisy
			if o.emptyOK {
				s.emptyOK++
			}
			continue
		}
		s.n++
		s.ndcg += o.ndcg
		s.recall += o.recall
		s.mrr += o.rr
		if len(o.ids) == 0 {
			s.empty++
		}
	}
	if s.n > 0 {
		s.ndcg /= float64(s.n)
		s.recall /= float64(s.n)
		s.mrr /= float64(s.n)
	}
	return s
}

// printTable prints the overall figures, then the same per tag.
func printTable(all []outcome) {
	fmt.Printf("%-16s %7s %7s %7s %7s %7s  %s\n", "", "queries", "nDCG@10", "R@10", "MRR", "empty", "judged empty: answered empty / results shown")
	line := func(name string, os []outcome) {
		s := summarise(os)
		empty := "-"
		if s.n > 0 {
			empty = fmt.Sprintf("%.0f %%", 100*float64(s.empty)/float64(s.n))
		}
		je := ""
		if s.judgedEmpty > 0 {
			je = fmt.Sprintf("%d/%d, %d results", s.emptyOK, s.judgedEmpty, s.noise)
		}
		if s.n == 0 {
			fmt.Printf("%-16s %7d %7s %7s %7s %7s  %s\n", name, len(os), "-", "-", "-", empty, je)
			return
		}
		fmt.Printf("%-16s %7d %7.3f %7.3f %7.3f %7s  %s\n", name, len(os), s.ndcg, s.recall, s.mrr, empty, je)
	}
	line("all", all)
	byTag := map[string][]outcome{}
	for _, o := range all {
		for _, t := range o.q.Tags {
			byTag[t] = append(byTag[t], o)
		}
	}
	tags := make([]string, 0, len(byTag))
	for t := range byTag {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	for _, t := range tags {
		line("  "+t, byTag[t])
	}
}
