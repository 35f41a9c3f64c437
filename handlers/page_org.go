package handlers

import (
	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
)

// orgFields are the organisation form's fields in page order.
var orgFields = []string{"name", "kind", "siret", "rna", "address", "postcode", "description", "contact_email", "contact_phone"}

// orgSpace is what every page of an organisation's space shows above its
// content: the organisation, its state, the tabs.
type orgSpace struct {
	Org *models.Organization
	Me  models.Member
	Tab string // missions, profile, members
}

// IsOwner reports whether the signed-in member owns the organisation.
func (o orgSpace) IsOwner() bool { return o.Me.Role == models.MemberOwner }

// pageOrg keeps the organisation space to organisation accounts; others
// go to their own space.
func (s *Server) pageOrg(c *fiber.Ctx) error {
	if p := principal(c); p.Role != models.RoleOrganization {
		return seeOther(c, roleHome(p.Role))
	}
	return c.Next()
}

// orgSpaceOf is the organisation space the membership guard loaded, for
// a page of tab.
func orgSpaceOf(c *fiber.Ctx, tab string) orgSpace {
	return orgSpace{Org: orgOf(c), Me: memberOf(c), Tab: tab}
}

type orgListData struct {
	Orgs  []models.Organization
	Kinds []frontend.Option
}

// orgHomePage leads an organisation account to its organisation: the
// registration form when it has none, its missions when it has one, the
// list when it has several.
func (s *Server) orgHomePage(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	orgs, err := s.orgs.OfMember(ctx, principal(c).UserID)
	if err != nil {
		return err
	}
	if len(orgs) == 1 && c.Query("new") == "" {
		next := "/organizations/" + orgs[0].ID + "/missions"
		// Only a known notice is passed on: the query is the visitor's.
		if n := c.Query("notice"); notices[n] != "" {
			next = withNotice(next, n)
		}
		return seeOther(c, next)
	}
	return s.render(c, fiber.StatusOK, "org_home", s.orgHomeView(c, frontend.NewForm().Set("kind", "association"), orgs))
}

func (s *Server) orgHomeView(c *fiber.Ctx, form *frontend.Form, orgs []models.Organization) frontend.Page {
	lang := s.lang(c)
	title := "org.register_title"
	if len(orgs) > 0 {
		title = "org.list_title"
	}
	return frontend.Page{Lang: lang, Title: i18n.T(lang, title), Form: form.Order(orgFields...), Section: "/org",
		Data: orgListData{Orgs: orgs, Kinds: orgKinds(lang)}}
}

func orgKinds(lang string) []frontend.Option {
	var out []frontend.Option
	for _, k := range models.OrgKinds {
		out = append(out, frontend.Option{Value: string(k), Label: i18n.T(lang, "org_kind."+string(k))})
	}
	return out
}

// orgInput reads the organisation form; every field is sent, so every
// pointer is set.
func orgInput(form *frontend.Form) models.OrgInput {
	v := func(name string) *string {
		value := form.Value(name)
		return &value
	}
	return models.OrgInput{Name: v("name"), Kind: v("kind"), SIRET: v("siret"), RNA: v("rna"), Address: v("address"),
		Postcode: v("postcode"), Description: v("description"), ContactEmail: v("contact_email"), ContactPhone: v("contact_phone")}
}

// orgRegisterSubmit registers the organisation with the API's logic; it
// awaits verification.
func (s *Server) orgRegisterSubmit(c *fiber.Ctx) error {
	form := formValues(c, orgFields...)
	ctx, cancel := s.ctx(c)
	org, err := s.orgs.Register(ctx, principal(c).UserID, orgInput(form))
	cancel()
	if err != nil {
		return s.renderFormError(c, "org_home", s.orgHomeView(c, form, nil), err)
	}
	if err := s.reissueAccessCookie(c, principal(c).User); err != nil {
		return err
	}
	return seeOther(c, "/organizations/"+org.ID+"/missions?notice=org_registered")
}

// orgProfilePage shows the organisation's details to edit.
func (s *Server) orgProfilePage(c *fiber.Ctx) error {
	space := orgSpaceOf(c, "profile")
	o := space.Org
	if ch, ok := o.PendingIdentity(); ok {
		// Edit on top of the change already waiting for verification.
		shown := *o
		p := ch.Proposed
		shown.Name, shown.Kind, shown.SIRET, shown.RNA, shown.Address, shown.Postcode = p.Name, p.Kind, p.SIRET, p.RNA, p.Address, p.Postcode
		shown.ContactEmail, shown.ContactPhone = p.ContactEmail, p.ContactPhone
		o = &shown
	}
	form := frontend.NewForm().Set("name", o.Name).Set("kind", string(o.Kind)).Set("siret", o.SIRET).Set("rna", o.RNA).
		Set("address", o.Address).Set("postcode", o.Postcode).Set("description", o.Description).
		Set("contact_email", o.ContactEmail).Set("contact_phone", o.ContactPhone)
	return s.render(c, fiber.StatusOK, "org_profile", s.orgProfileView(c, form, space))
}

type orgProfileData struct {
	Space orgSpace
	Kinds []frontend.Option
	// Changes are the fields of the identity change waiting for (or
	// refused by) an admin.
	Changes []changeRow
}

func (s *Server) orgProfileView(c *fiber.Ctx, form *frontend.Form, space orgSpace) frontend.Page {
	lang := s.lang(c)
	data := orgProfileData{Space: space, Kinds: orgKinds(lang)}
	if ch := identityChangeView(space.Org); ch != nil {
		data.Changes = changeRows(lang, ch.Changes, orgFieldLabels)
	}
	return frontend.Page{Lang: lang, Title: i18n.T(lang, "org.profile_title", space.Org.Name), Form: form.Order(orgFields...),
		Section: "/org", Data: data}
}

// orgProfileSubmit saves the details with the API's logic.
func (s *Server) orgProfileSubmit(c *fiber.Ctx) error {
	space := orgSpaceOf(c, "profile")
	form := formValues(c, orgFields...)
	ctx, cancel := s.ctx(c)
	updated, err := s.orgs.Edit(ctx, principal(c).UserID, space.Org, orgInput(form))
	cancel()
	if err != nil {
		return s.renderFormError(c, "org_profile", s.orgProfileView(c, form, space), err)
	}
	notice := "saved"
	if _, pending := updated.PendingIdentity(); pending {
		notice = "identity_pending"
	}
	return seeOther(c, "/organizations/"+space.Org.ID+"/profile?notice="+notice)
}
