package fr.cnam.aam.app.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard is the app's home page: its pages are static files under {@code /dashboard/}. */
@Controller
class DashboardPages {

    @GetMapping({"/", "/dashboard", "/dashboard/"})
    String home() {
        return "redirect:/dashboard/index.html";
    }
}
